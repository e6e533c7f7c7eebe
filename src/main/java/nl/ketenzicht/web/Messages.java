package nl.ketenzicht.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/** The interface texts from the resource bundles {@code i18n/messages_nl} and {@code i18n/messages_en} (UTF-8). */
public final class Messages {

    public static final List<String> LANGUAGES = List.of("nl", "en");
    private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();
    // No fallback to the JVM's default locale: a language we do not have is simply absent.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static Optional<Map<String, String>> of(String language) {
        if (!LANGUAGES.contains(language)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(language, Messages::load));
    }

    /**
     * The one rule for the language of a request's texts: {@code lang} when given, which must be one
     * of {@link #LANGUAGES} (anything else is a 400 naming the field); without it the first language
     * of Accept-Language that we have, else Dutch.
     */
    public static String language(String asked, String acceptLanguage) {
        if (asked != null) {
            if (!LANGUAGES.contains(asked)) {
                throw ProblemException.invalid(
                        "lang",
                        MessageCode.VALUE_NOT_IN_LIST,
                        Map.of("allowed", String.join(", ", LANGUAGES)),
                        "Use one of " + LANGUAGES + ".");
            }
            return asked;
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                String primary = tag.split("-", 2)[0];
                if (LANGUAGES.contains(primary)) {
                    return primary;
                }
            }
        }
        return "nl";
    }

    private static Map<String, String> load(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "i18n.messages", Locale.forLanguageTag(language), Messages.class.getClassLoader(), NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        bundle.keySet().forEach(k -> texts.put(k, bundle.getString(k)));
        return Collections.unmodifiableMap(texts);
    }
}
