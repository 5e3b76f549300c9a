package io.counterdesk.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Creates the JavaPOS device controls ({@code jpos.POSPrinter}, {@code jpos.CashDrawer},
 * {@code jpos.LineDisplay}) by class name. The program is compiled against the {@code jpos}
 * interfaces only; the control classes, the config loader that reads {@code jpos.xml} and the
 * vendor's services come from the vendor's jars at run time — on the class path, or in a
 * directory of jars given in the configuration ({@code printer.javapos.jars}).
 */
final class JavaPosControls {

    static final String POS_PRINTER = "jpos.POSPrinter";
    static final String CASH_DRAWER = "jpos.CashDrawer";
    static final String LINE_DISPLAY = "jpos.LineDisplay";

    /** System property the JavaPOS config loader reads for the location of {@code jpos.xml}. */
    static final String POPULATOR_FILE_PROPERTY = "jpos.config.populatorFile";

    private JavaPosControls() {
    }

    /** The class loader to find the controls in: the program's own, or one over {@code jarDirectory}'s jars. */
    static ClassLoader loader(Path jarDirectory) {
        ClassLoader own = JavaPosControls.class.getClassLoader();
        if (jarDirectory == null) {
            return own;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(jarDirectory)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JavaPOS jar directory " + jarDirectory, e);
        }
        // parent first: the jpos interfaces stay the program's, so the vendor's controls implement them
        return new URLClassLoader("javapos", jars.toArray(URL[]::new), own);
    }

    /**
     * A new control of class {@code className}, or empty when the class is not there (no vendor
     * jars installed).
     */
    static <T> Optional<T> create(String className, Class<T> type, ClassLoader loader) {
        Class<?> control;
        try {
            control = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError notInstalled) {
            return Optional.empty();
        }
        if (!type.isAssignableFrom(control)) {
            throw new IllegalStateException(className + " does not implement " + type.getName()
                    + ": the vendor's jars bring a second copy of the jpos interfaces in another class loader");
        }
        try {
            return Optional.of(type.cast(control.getConstructor().newInstance()));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + className, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + className, e);
        }
    }
}
