package io.counterdesk.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jpos.CashDrawerControl114;
import jpos.POSPrinterControl114;

/**
 * Builds what a vendor's installer leaves in the JavaPOS jar directory: a jar with the control
 * classes {@code jpos.POSPrinter} and {@code jpos.CashDrawer}, compiled here from source generated
 * from the {@code jpos} interfaces. Each method hands the call on to the test service in
 * {@link VendorJarHook}. This puts the production path — a directory of jars, a class loader over
 * it, the control created by class name — under test without a vendor's jars.
 */
final class VendorJars {

    private VendorJars() {
    }

    /** Writes {@code vendor-javapos.jar} into {@code jarDirectory}. */
    static void write(Path jarDirectory, Path workDirectory) throws IOException {
        Path sources = Files.createDirectories(workDirectory.resolve("src/jpos"));
        Path classes = Files.createDirectories(workDirectory.resolve("classes"));
        Files.writeString(sources.resolve("POSPrinter.java"), delegate("POSPrinter", POSPrinterControl114.class, "printer"));
        Files.writeString(sources.resolve("CashDrawer.java"), delegate("CashDrawer", CashDrawerControl114.class, "drawer"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK with javac runs the tests").isNotNull();
        String classPath = location(POSPrinterControl114.class) + java.io.File.pathSeparator + location(VendorJarHook.class);
        int result = javac.run(null, null, null, "--release", "17", "-proc:none", "-nowarn", "-classpath", classPath,
                "-d", classes.toString(),
                sources.resolve("POSPrinter.java").toString(), sources.resolve("CashDrawer.java").toString());
        assertThat(result).as("javac of the generated vendor classes").isZero();

        Files.createDirectories(jarDirectory);
        try (OutputStream file = Files.newOutputStream(jarDirectory.resolve("vendor-javapos.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            for (String name : List.of("POSPrinter.class", "CashDrawer.class")) {
                jar.putNextEntry(new JarEntry("jpos/" + name));
                jar.write(Files.readAllBytes(classes.resolve("jpos").resolve(name)));
                jar.closeEntry();
            }
        }
    }

    /** {@code public class jpos.NAME implements TYPE}, each method calling the same on the hook's field. */
    private static String delegate(String name, Class<?> type, String hookField) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            methods.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
        }
        StringBuilder s = new StringBuilder("package jpos;\n\npublic class ").append(name).append(" implements ")
                .append(type.getName()).append(" {\n    private final ").append(type.getName())
                .append(" d = io.counterdesk.printing.VendorJarHook.").append(hookField).append(";\n");
        for (Method m : methods.values()) {
            Class<?>[] parameters = m.getParameterTypes();
            String declared = java.util.stream.IntStream.range(0, parameters.length)
                    .mapToObj(i -> parameters[i].getTypeName() + " a" + i).collect(Collectors.joining(", "));
            String passed = java.util.stream.IntStream.range(0, parameters.length)
                    .mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
            String exceptions = Arrays.stream(m.getExceptionTypes()).map(Class::getName).collect(Collectors.joining(", "));
            s.append("    public ").append(m.getReturnType().getTypeName()).append(' ').append(m.getName())
                    .append('(').append(declared).append(')')
                    .append(exceptions.isEmpty() ? "" : " throws " + exceptions).append(" {\n        ")
                    .append(m.getReturnType() == void.class ? "" : "return ")
                    .append("d.").append(m.getName()).append('(').append(passed).append(");\n    }\n");
        }
        return s.append("}\n").toString();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
