package nl.ketenzicht.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a child process running the packaged WAR, with its output on this console. The
 * JVM options are the fastest and leanest set measured by bench/startup.sh.
 */
final class PayaraProcess {

    static final List<String> JVM_OPTIONS =
            List.of("-Xmx256m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final int port;

    private PayaraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PayaraProcess start(Path microJar, Path war, int port, Map<String, String> environment) throws IOException {
        requireFile(microJar, "Payara Micro jar; run 'mvn -Pdemo package' so that Maven downloads it");
        requireFile(war, "WAR; run 'mvn -Pdemo package'");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-jar",
                microJar.toString(),
                "--nohazelcast",
                "--disablephonehome",
                "--port",
                String.valueOf(port),
                "--contextroot",
                "/",
                "--deploy",
                war.toString()));
        Path preboot =
                Path.of("config", "payara", "preboot.asadmin").toAbsolutePath(); // no Server header, as in production
        if (Files.isRegularFile(preboot)) {
            command.addAll(List.of("--prebootcommandfile", preboot.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        return new PayaraProcess(builder.start(), port);
    }

    /** Polls readiness until it answers 200, the process ends, or the time is up. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        return false;
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Asks Payara to shut down (SIGTERM) and waits for it, killing it only if it hangs. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + file + " (the " + what + ").");
        }
    }
}
