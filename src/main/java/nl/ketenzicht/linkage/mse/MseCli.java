package nl.ketenzicht.linkage.mse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar ketenzicht-mse.jar FILE.csv [--threshold 0.02] [--bootstrap 1000] [--seed 1]}:
 * prints the estimates as JSON. Exit 0 on success, 2 for a malformed file or arguments, 3 when the
 * estimate does not exist.
 */
public final class MseCli {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int NO_ESTIMATE = 3;
    static final String USAGE =
            "usage: java -jar ketenzicht-mse.jar FILE.csv [--threshold 0.02] [--bootstrap 1000] [--seed 1]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MseCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            CaptureTable table = CaptureTable.parseCsv(arguments.file());
            MseResult result = new MseEstimator().estimate(table, arguments.options());
            out.println(JSON.writeValueAsString(toJson(result)));
            return OK;
        } catch (IllegalArgumentException e) { // includes MalformedCaptureTableException
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read the file: " + e.getMessage());
            return BAD_INPUT;
        } catch (EstimateDoesNotExistException e) {
            err.println("no estimate: " + e.getMessage());
            return NO_ESTIMATE;
        }
    }

    static ObjectNode toJson(MseResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("observed", result.observed());
        ArrayNode models = root.putArray("models");
        models.add(model(result.mainEffects()));
        ObjectNode stepwise = model(result.stepwise());
        BcaEstimate bca = result.bca();
        putInterval(stepwise, "ci_bca", bca == null ? Interval.UNDEFINED : bca.ci());
        ObjectNode bootstrap = stepwise.putObject("bootstrap");
        bootstrap.put("B", bca == null ? 0 : bca.resamples());
        bootstrap.put("skipped", bca == null ? 0 : bca.skipped());
        models.add(stepwise);
        return root;
    }

    private static ObjectNode model(ModelEstimate estimate) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", estimate.model());
        ArrayNode terms = node.putArray("terms");
        estimate.terms().forEach(terms::add);
        node.put("N", estimate.populationSize());
        node.put("dark", estimate.dark());
        putInterval(node, "ci", estimate.ci());
        return node;
    }

    /** An undefined interval is written as null: NaN is not valid JSON. */
    private static void putInterval(ObjectNode node, String name, Interval interval) {
        if (!interval.isDefined()) {
            node.putNull(name);
            return;
        }
        node.putArray(name).add(interval.lower()).add(interval.upper());
    }

    record CliArguments(Path file, Options options) {

        static CliArguments parse(String[] args) {
            Options defaults = Options.defaults();
            Path file = null;
            double threshold = defaults.threshold();
            int bootstrap = defaults.bootstrap();
            long seed = defaults.seed();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--threshold" -> threshold = parseDouble(arg, value(args, ++i, arg));
                    case "--bootstrap" -> bootstrap = (int) parseLong(arg, value(args, ++i, arg), Integer.MAX_VALUE);
                    case "--seed" -> seed = parseLong(arg, value(args, ++i, arg), Long.MAX_VALUE);
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no CSV file given\n" + USAGE);
            }
            return new CliArguments(file, new Options(threshold, bootstrap, seed));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return args[i];
        }

        private static double parseDouble(String option, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
            }
        }

        private static long parseLong(String option, String value, long max) {
            try {
                long parsed = Long.parseLong(value);
                if (parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs an integer, got '" + value + "'");
            }
        }
    }
}
