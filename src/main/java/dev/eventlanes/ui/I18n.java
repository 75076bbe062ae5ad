package dev.eventlanes.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's words. Every visible string is looked up here and bound to {@link #localeProperty()},
 * so switching language re-labels the whole window at once.
 */
public final class I18n {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    private static final String BASE = "dev.eventlanes.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private final java.util.Map<Locale, ResourceBundle> bundles = new java.util.HashMap<>();
    /**
     * Parsed patterns by locale and key: while playing, the status line and the clock are
     * formatted on every frame, and parsing a pattern costs more than formatting with it.
     */
    private final java.util.Map<Locale, java.util.Map<String, MessageFormat>> formats = new java.util.HashMap<>();

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /**
     * The bundle of the current locale, looked up on use: a binding invalidated by a language
     * switch may be re-read before any change listener runs, so no listener may be in charge of
     * swapping the bundle.
     */
    private ResourceBundle bundle() {
        return bundles.computeIfAbsent(locale.get(), I18n::load);
    }

    /** The supported locale closest to {@code l}: Chinese for any zh locale, else English. */
    public static Locale supported(Locale l) {
        return l != null && "zh".equals(l.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BASE, l, BUNDLES);
    }

    /**
     * Properties files only, no fallback to the system's locale (else an English request on a
     * Chinese system would pick zh_CN), and only the files there are: English is the base file, so
     * no messages_en is looked for (a miss searches the whole class path, every jar on it).
     */
    private static final ResourceBundle.Control BUNDLES = new ResourceBundle.Control() {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return CHINESE.equals(locale) ? List.of(CHINESE, Locale.ROOT) : List.of(Locale.ROOT);
        }
    };

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    /** The text for {@code key}, formatted with {@code args} (MessageFormat). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        Locale l = locale.get();
        MessageFormat f = formats.computeIfAbsent(l, x -> new java.util.HashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(pattern, l));
        return f.format(args);
    }

    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
