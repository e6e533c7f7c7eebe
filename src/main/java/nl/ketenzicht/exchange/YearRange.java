package nl.ketenzicht.exchange;

/**
 * The opening years an export covers, from its {@code fromYear} and {@code toYear} query parameters: toYear
 * defaults to last year, fromYear to the export's default span ending at toYear. The parameters stay on the
 * resource methods, annotated there (a {@code @BeanParam} made HK2 log a stack trace for every malformed value,
 * and the generated parameter checks read the methods); their texts and defaults live here, once.
 */
public record YearRange(int from, int to) {

    static final String FROM = "The first year of opening of the cases; toYear when absent.";
    static final String FROM_RELEASE = "The first year of opening of the cases; nine years before toYear when absent.";
    static final String TO = "The last year of opening of the cases; last year when absent.";

    /** The years asked for; absent ones by default: toYear last year, fromYear {@code defaultYears - 1} before toYear. */
    static YearRange of(Integer fromYear, Integer toYear, int lastYear, int defaultYears) {
        int to = toYear != null ? toYear : lastYear;
        return new YearRange(fromYear != null ? fromYear : to - (defaultYears - 1), to);
    }

    /** The file name of an export of these years. */
    String file(String name, String extension) {
        return name + "-" + from + "-" + to + "." + extension;
    }

    /** The filter as the access log keeps it. */
    @Override
    public String toString() {
        return "fromYear=" + from + " toYear=" + to;
    }
}
