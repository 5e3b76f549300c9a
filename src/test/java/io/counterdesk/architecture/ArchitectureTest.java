package io.counterdesk.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.counterdesk.billing.BillRepository;
import io.counterdesk.billing.Tariff;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.Tx;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Role;
import io.counterdesk.shared.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of STYLE.md held by failing tests: who may touch JavaFX, Jdbi, the smart-card API,
 * and what the domain and {@code shared} may depend on.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.counterdesk");

    private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    /** Persistence code and repositories (including their nested classes) may use Jdbi and the handle. */
    private static final DescribedPredicate<JavaClass> STORAGE_CODE =
            DescribedPredicate.describe("in ..persistence.. or a *Repository", ArchitectureTest::isStorageCode);

    /** Plain domain: {@code shared}, and every record and enum outside the screens and the composition root. */
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "domain (shared, records, enums)", ArchitectureTest::isDomain);

    private static boolean isStorageCode(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return javaClass.getPackageName().contains(".persistence")
                || outermost.getSimpleName().endsWith("Repository");
    }

    private static boolean isDomain(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (pkg.startsWith("io.counterdesk.shared")) {
            return true;
        }
        boolean screensOrWiring = pkg.contains(".ui") || pkg.startsWith("io.counterdesk.app");
        return !screensOrWiring && (javaClass.isRecord() || javaClass.isEnum());
    }

    @Test
    void rulesSeeTheProgramsClassesAndClassifyThem() {
        assertThat(CLASSES.contain(Money.class)).isTrue();
        assertThat(CLASSES.stream().map(JavaClass::getName)).noneMatch(name -> name.endsWith("Test"));
        assertThat(DOMAIN.test(CLASSES.get(Money.class))).isTrue();
        assertThat(DOMAIN.test(CLASSES.get(Tariff.class))).isTrue();
        assertThat(DOMAIN.test(CLASSES.get(Role.class))).isTrue();
        assertThat(DOMAIN.test(CLASSES.get(AuthService.class))).isFalse();
        assertThat(STORAGE_CODE.test(CLASSES.get(Journal.class))).isTrue();
        assertThat(STORAGE_CODE.test(CLASSES.get(BillRepository.class))).isTrue();
        assertThat(STORAGE_CODE.test(CLASSES.get(BillRepository.NewBill.class))).isTrue();
        assertThat(STORAGE_CODE.test(CLASSES.get(AuthService.class))).isFalse();
    }

    @Test
    void javaFxOnlyInScreensAndTheApplication() {
        noClasses().that().resideOutsideOfPackages("..ui..", "io.counterdesk.app")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only screens (ui) and the launcher may know JavaFX; services and rules run without it")
                .check(CLASSES);
    }

    @Test
    void jdbiOnlyInPersistenceAndRepositories() {
        noClasses().that(DescribedPredicate.not(STORAGE_CODE))
                .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
                .because("SQL lives in repositories; services pass a Tx along")
                .check(CLASSES);
    }

    @Test
    void transactionHandleOnlyForPersistenceAndRepositories() {
        noClasses().that(DescribedPredicate.not(STORAGE_CODE))
                .should().callMethod(Tx.class, "handle")
                .because("Tx#handle() is for repositories and persistence code only")
                .check(CLASSES);
    }

    @Test
    void plainJdbcOnlyInPersistenceAndRepositories() {
        noClasses().that(DescribedPredicate.not(STORAGE_CODE))
                .should().dependOnClassesThat().areAssignableTo(io.counterdesk.persistence.Sql.class)
                .because("Sql runs statements on a Tx like Tx#handle(): repositories and persistence code only")
                .check(CLASSES);
    }

    @Test
    void sharedDependsOnNothingElseOfCounterDesk() {
        classes().that().resideInAPackage("io.counterdesk.shared..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("io.counterdesk..")
                        .or(resideInAPackage("io.counterdesk.shared..")))
                .check(CLASSES);
    }

    @Test
    void domainIsFreeOfJavaFxJdbiAndJdbc() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jdbi..", "java.sql..")
                .because("domain rules are plain Java, tested fast")
                .check(CLASSES);
    }

    @Test
    void smartCardApiOnlyInTheCardPackage() {
        noClasses().that().resideOutsideOfPackage("..card..")
                .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..")
                .check(CLASSES);
    }

    @Test
    void pdfBoxOnlyInThePdfReports() {
        noClasses().that().resideOutsideOfPackage("io.counterdesk.report.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
                .because("reports are laid out in report.pdf; the rest hands it figures (STYLE.md)")
                .check(CLASSES);
    }

    @Test
    void belowTheScreensNothingDependsOnThem() {
        noClasses().that().resideOutsideOfPackage("..ui..").and().resideOutsideOfPackage("io.counterdesk.app")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .because("ui → service → domain, never back")
                .check(CLASSES);
    }

    @Test
    void screensDoNotTouchStorage() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat(STORAGE_CODE)
                .because("only the view model calls services; no screen calls a DAO (STYLE.md)")
                .check(CLASSES);
    }

    // ---- issue 15 §4: packages without cycles, screens that keep to their feature, views without services ----

    /** Shared screen parts every feature may use: the shell, the checkout's screens, the approval overlay. */
    private static final Set<String> SHARED_UI = Set.of("io.counterdesk.ui", "io.counterdesk.checkout.ui",
            "io.counterdesk.security.ui");

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.counterdesk.(**)")
                .should().beFreeOfCycles()
                .because("a package that needs another's needs must not be needed back (STYLE.md: packages form no cycle)")
                .check(CLASSES);
    }

    @Test
    void noFeaturesScreensReachIntoAnotherFeaturesScreens() {
        classes().that().resideInAPackage("io.counterdesk.*..ui..")
                .should(new ArchCondition<>("use only their own feature's screens and the shared ones") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String feature = featureOf(item.getPackageName());
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            boolean screens = target.startsWith("io.counterdesk.") && isScreenPackage(target);
                            if (screens && !SHARED_UI.contains(target) && !feature.equals(featureOf(target))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("what two screens share moves to checkout.ui, security.ui or ui (STYLE.md)")
                .check(CLASSES);
    }

    /**
     * The same rule on the source: an import (or a written-out name, a Javadoc link) of another
     * feature's screen class is caught too, though the compiler drops it from the bytecode.
     */
    @Test
    void noFeaturesScreensNameAnotherFeaturesScreensInTheirSource() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("src/main/java");
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("io\\.counterdesk((?:\\.[a-z][a-z0-9_]*)+)\\.[A-Z]");
        List<String> found = new java.util.ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String pkg = "io.counterdesk" + root.relativize(file.getParent()).toString()
                        .replace(java.io.File.separatorChar, '.').replaceFirst("^io\\.counterdesk", "");
                if (!isScreenPackage(pkg)) {
                    continue;
                }
                String source = java.nio.file.Files.readString(file);
                java.util.regex.Matcher m = named.matcher(source);
                while (m.find()) {
                    String target = "io.counterdesk" + m.group(1);
                    if (isScreenPackage(target) && !SHARED_UI.contains(target)
                            && !featureOf(pkg).equals(featureOf(target))) {
                        found.add(root.relativize(file) + " names " + target + " ("
                                + source.substring(m.start()).lines().findFirst().orElse("").strip() + ")");
                    }
                }
            }
        }
        assertThat(found).as("what two screens share moves to checkout.ui, security.ui or ui (STYLE.md)").isEmpty();
    }

    @Test
    void viewsTakeNoService() {
        DescribedPredicate<JavaClass> service = DescribedPredicate.describe("a service",
                c -> c.getPackageName().startsWith("io.counterdesk.") && !isScreenPackage(c.getPackageName())
                        && (c.getSimpleName().endsWith("Service") || c.getSimpleName().equals("Sessions")));
        DescribedPredicate<JavaClass> view = DescribedPredicate.describe("a view (View, Dialog, Pane, Overlay)",
                c -> isScreenPackage(c.getPackageName()) && outermost(c).getSimpleName()
                        .matches(".*(View|Dialog|Pane|Overlay|Forms)"));
        noClasses().that(view)
                .should().dependOnClassesThat(service)
                .because("a View binds and forwards; only its ViewModel calls services (ADR 0007)")
                .check(CLASSES);
    }

    @Test
    void awtOnlyWhereImagesAreMade() {
        noClasses().that().resideOutsideOfPackages("io.counterdesk.printing..", "io.counterdesk.report.pdf..",
                        "io.counterdesk.checkout.ui..", "io.counterdesk.app")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                        "javafx.embed.swing..")
                .because("AWT draws the receipt previews (printing), the PDF colour profile (report.pdf); "
                        + "checkout.ui shows the previews and app writes screenshots")
                .check(CLASSES);
    }

    private static boolean isScreenPackage(String pkg) {
        return pkg.equals("io.counterdesk.ui") || pkg.startsWith("io.counterdesk.ui.") || pkg.contains(".ui.")
                || pkg.endsWith(".ui");
    }

    /** "payment" for io.counterdesk.payment.ui, "account" for io.counterdesk.account.opening.ui. */
    private static String featureOf(String pkg) {
        String rest = pkg.substring("io.counterdesk.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    @Test
    void sharedHasNoFloatingPointFields() {
        noFields().that().areDeclaredInClassesThat().resideInAPackage("io.counterdesk.shared..")
                .should().haveRawType(double.class)
                .orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class)
                .orShould().haveRawType(Float.class)
                .because("money in double. Ever. (STYLE.md)")
                .check(CLASSES);
    }

    @Test
    void moneyNeverComputesInFloatingPoint() {
        DescribedPredicate<JavaCall<?>> floatingPointCall = DescribedPredicate.describe(
                "a method taking or returning double/float",
                call -> FLOATING_POINT.contains(call.getTarget().getRawReturnType().getName())
                        || call.getTarget().getRawParameterTypes().stream()
                                .anyMatch(type -> FLOATING_POINT.contains(type.getName())));

        noClasses().that().belongToAnyOf(Money.class)
                .should().callCodeUnitWhere(floatingPointCall)
                .check(CLASSES);
    }

    @Test
    void moneyApiTakesAndGivesNoFloatingPoint() {
        List<Executable> api = Stream.concat(Arrays.stream(Money.class.getDeclaredMethods()),
                Arrays.stream(Money.class.getDeclaredConstructors())).toList();

        assertThat(api).allSatisfy(executable -> {
            assertThat(executable.getParameterTypes()).extracting(Class::getName)
                    .as(executable.toString()).doesNotContainAnyElementsOf(FLOATING_POINT);
            if (executable instanceof Method method) {
                assertThat(FLOATING_POINT).as(method.toString()).doesNotContain(method.getReturnType().getName());
            }
        });
        assertThat(api).anyMatch(executable -> executable instanceof Constructor<?>);
    }
}
