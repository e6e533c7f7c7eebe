package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Criminal Code articles of the reference migration, with their periods in force, so a charge
 * always names the article as numbered on its offence date (SR before 1 July 2024 for the sexual
 * offences, WSM after; 273f/273g stay in SR).
 */
final class Articles {

    static final String MIGRATION = "db/migration/V1_1_1__Create_code_lists_and_criminal_code_articles.sql";
    private static final Pattern ROW = Pattern.compile(
            "\\('(\\w+)', '(SR|WSM)', '(?:[^']|'')*', '(?:[^']|'')*', '(\\d{4}-\\d{2}-\\d{2})', (NULL|'\\d{4}-\\d{2}-\\d{2}')\\)");
    private static volatile Articles instance;

    private final List<Article> articles;

    private Articles(List<Article> articles) {
        this.articles = List.copyOf(articles);
    }

    static Articles load() {
        Articles a = instance;
        if (a == null) {
            a = new Articles(parse(Places.read(MIGRATION)));
            instance = a;
        }
        return a;
    }

    static List<Article> parse(String sql) {
        List<Article> list = new ArrayList<>();
        Matcher m = ROW.matcher(sql);
        while (m.find()) {
            String to = m.group(4);
            list.add(new Article(
                    m.group(1),
                    m.group(2),
                    LocalDate.parse(m.group(3)),
                    to.equals("NULL") ? null : LocalDate.parse(to.substring(1, to.length() - 1))));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no articles found in " + MIGRATION);
        }
        return list;
    }

    /** The first of the wanted article numbers (in either law version) that was in force on the date. */
    Optional<Article> firstInForce(LocalDate on, String... numbers) {
        for (String n : numbers) {
            for (Article a : articles) {
                if (a.article().equals(n) && a.inForceOn(on)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    List<Article> all() {
        return articles;
    }

    public record Article(String article, String lawVersion, LocalDate validFrom, LocalDate validTo) {
        public boolean inForceOn(LocalDate d) {
            return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
