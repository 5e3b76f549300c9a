package io.counterdesk.shared;

import java.util.Arrays;
import java.util.Locale;

/**
 * A refusal the cashier can act on: bad input, a rule that forbids the action, a missing
 * permission. Carries a text key (see {@link I18n}) so the same refusal reads in Chinese or
 * English; {@link #getMessage()} is the text in the current locale. Throwing it inside a
 * transaction rolls everything back: nothing is half-done.
 */
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public BusinessException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String getMessage() {
        return I18n.text(key, args);
    }

    public String message(Locale locale) {
        return I18n.text(locale, key, args);
    }

    @Override
    public String toString() {
        return "BusinessException[" + key + " " + Arrays.toString(args) + "]";
    }
}
