package nl.ketenzicht.shared;

/** Turns a failed connection into one line that says what is wrong and how to fix it. */
final class DatabaseDiagnosis {

    private DatabaseDiagnosis() {}

    static String explain(Throwable e, String url, String user) {
        String all = chain(e);
        String where = url.replaceAll("password=[^&]*", "password=***");
        if (all.contains("Access denied")) {
            return "DATABASE LOGIN REFUSED for user '" + user + "' at " + where
                    + ": check KETENZICHT_DB_MIGRATION_USER/KETENZICHT_DB_MIGRATION_PASSWORD (and KETENZICHT_DB_USER/KETENZICHT_DB_PASSWORD).";
        }
        if (all.contains("Unknown database")) {
            return "DATABASE MISSING at " + where
                    + ": create it (CREATE DATABASE ... CHARACTER SET utf8mb4) or fix KETENZICHT_DB_URL.";
        }
        if (all.contains("Communications link failure")
                || all.contains("Connection refused")
                || all.contains("UnknownHost")
                || all.contains("connect timed out")) {
            return "DATABASE UNREACHABLE at " + where
                    + ": start MySQL/MariaDB or fix KETENZICHT_DB_URL; retrying every 5 s.";
        }
        return "DATABASE MIGRATION FAILED at " + where + ": " + firstLine(e) + " — fix the cause and restart.";
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
