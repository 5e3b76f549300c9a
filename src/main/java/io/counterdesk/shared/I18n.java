package io.counterdesk.shared;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's texts. Chinese is the base bundle (no suffix); English lives in {@code *_en}.
 * Each feature keeps its own bundle under {@code io/counterdesk/i18n/}; keys are prefixed by the
 * feature ({@code money.}, {@code validation.}, {@code ui.} …) so they never collide.
 *
 * <p>Bundles are loaded without the JVM-default-locale fallback: a cashier who chose Chinese on an
 * English Windows still sees Chinese.
 */
public final class I18n {

    /** Bundle base names, one per feature. A feature that adds texts adds its bundle here. */
    static final List<String> BUNDLES = List.of(
            "io.counterdesk.i18n.shared",
            "io.counterdesk.i18n.security",
            "io.counterdesk.i18n.account",
            "io.counterdesk.i18n.till",
            "io.counterdesk.i18n.ui",
            "io.counterdesk.i18n.app",
            "io.counterdesk.i18n.payment",
            "io.counterdesk.i18n.receipt",
            "io.counterdesk.i18n.printing",
            "io.counterdesk.i18n.topup",
            "io.counterdesk.i18n.card",
            "io.counterdesk.i18n.accountstatus",
            "io.counterdesk.i18n.opening",
            "io.counterdesk.i18n.pdf",
            "io.counterdesk.i18n.reversal",
            "io.counterdesk.i18n.headoffice");

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static volatile Locale current = CHINESE;
    private static final Map<Locale, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private I18n() {
    }

    /** The locale texts are shown in; Chinese unless the terminal is configured otherwise. */
    public static Locale locale() {
        return current;
    }

    public static void setLocale(Locale locale) {
        current = Objects.requireNonNull(locale);
    }

    /** The text for {@code key} in the current locale, with {@link MessageFormat} arguments. */
    public static String text(String key, Object... args) {
        return text(current, key, args);
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern = texts(locale).get(key);
        if (pattern == null) {
            throw new MissingResourceException("no text for key " + key, "I18n", key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** True when {@code key} has a text in {@code locale}; used by the bundle-completeness test. */
    public static boolean has(Locale locale, String key) {
        return texts(locale).containsKey(key);
    }

    /** All keys with their texts for one locale (merged over the feature bundles). */
    public static Map<String, String> texts(Locale locale) {
        return CACHE.computeIfAbsent(normalise(locale), I18n::load);
    }

    private static Locale normalise(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    private static Map<String, String> load(Locale locale) {
        Map<String, String> all = new HashMap<>();
        ResourceBundle.Control noFallback =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Locale bundleLocale = locale.equals(Locale.ENGLISH) ? Locale.ENGLISH : Locale.ROOT;
        for (String name : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle(name, bundleLocale, I18n.class.getClassLoader(), noFallback);
            } catch (MissingResourceException notYetWritten) {
                continue;
            }
            for (String key : bundle.keySet()) {
                all.put(key, bundle.getString(key));
            }
        }
        return Map.copyOf(all);
    }
}
