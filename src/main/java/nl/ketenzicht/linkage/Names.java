package nl.ketenzicht.linkage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises names so that the same person typed differently by two partners gives the same text:
 * case folded, diacritics removed (NFD, marks stripped), and spaces, hyphens, apostrophes and dots
 * removed. Family names lose their Dutch prefixes (tussenvoegsels) altogether, as Dutch alphabetical
 * order does: "van der Berg", "v.d. Berg", "Van Den Berg" and "Berg, van der" are all "berg". That
 * also equates "de Vries" with "Vries"; two different people differing only by a prefix and sharing
 * the rest of the identifying data are rare enough to accept.
 */
final class Names {

    /** Prefix words, after folding; "v", "d", "vd" come from abbreviations such as "v.d." and "v/d". */
    private static final Set<String> PREFIXES = Set.of(
            "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "het", "t", "te", "ten", "ter",
            "in", "op", "aan", "bij", "uit", "onder", "over", "voor", "vd", "v", "d", "s", "la", "le", "l", "lo", "el",
            "al", "dos", "das", "do");

    private Names() {}

    /** Case folded, diacritics and punctuation removed, letters and digits only. */
    static String fold(String text) {
        return compact(strip(text));
    }

    /**
     * The first given name only: one partner records "Anna Maria", the other the call name "Anna";
     * "Marie-José" and "Marie José" are both "marie". (A call name that is not the first given name
     * is linked through the variant without first name.)
     */
    static String firstName(String text) {
        String[] words = strip(text).trim().split("[\\s\\-]+");
        return compact(words[0]);
    }

    /** The family name without its prefixes; a name written "Berg, van der" is read as "van der Berg". */
    static String familyName(String text) {
        String folded = strip(text);
        int comma = folded.indexOf(',');
        if (comma > 0) {
            folded = folded.substring(0, comma);
        }
        List<String> words = new ArrayList<>(Arrays.asList(folded.split("[\\s.\\-/'’`]+")));
        words.removeIf(String::isEmpty);
        while (words.size() > 1 && PREFIXES.contains(words.get(0))) {
            words.remove(0);
        }
        return compact(String.join("", words));
    }

    /** Lower case without diacritics; letters that do not decompose are spelled out. */
    private static String strip(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ð", "d")
                .replace("þ", "th")
                .replace("ı", "i");
    }

    private static String compact(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
