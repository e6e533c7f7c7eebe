package nl.ketenzicht.support.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's managed container, but one server for all test classes of a test JVM (a failsafe
 * fork): Payara Micro deploys by starting a process, which takes most of a test class's time. The
 * first class's deploy starts it; later classes with an identical archive get the same server;
 * undeploy and the suite's end keep it (with more than one JVM, failsafe runs each class as a suite
 * of its own); the shutdown hook that Payara's container registers ends it with the JVM. An archive
 * with other content, a class with other {@link ServerSettings}, or a server that died, gets a new
 * one. A new server is handed to the tests only once it is ready (its schema migrated, its database
 * answering): the application deploys without its database and migrates when it comes, which on a
 * loaded machine can be after the first test began.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

    private int startupSeconds = 420;
    private PayaraMicroContainerConfiguration configuration;

    /*
     * The running server is the JVM's, not this instance's: with more than one test JVM (forkCount > 1)
     * failsafe runs each class as a suite of its own, for which Arquillian makes a new container.
     */
    private static SharedPayaraMicro serving;
    private static Archive<?> running;
    private static String runningKey;
    private static ProtocolMetaData metaData;

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        super.setup(configuration);
        this.configuration = configuration;
        startupSeconds = configuration.getStartupTimeoutInSeconds();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        synchronized (SharedPayaraMicro.class) {
            Map<String, String> settings = ServerSettings.current();
            String key = key(archive) + settings;
            if (key.equals(runningKey) && answers(metaData)) {
                return metaData;
            }
            stopRunning();
            String options = configuration.getCmdOptions();
            ProtocolMetaData started;
            try {
                // The class's own settings as system properties of its server (see ServerSettings)
                StringBuilder withSettings = new StringBuilder(options == null ? "" : options);
                settings.forEach((k, v) ->
                        withSettings.append(" -D").append(k).append('=').append(v));
                configuration.setCmdOptions(withSettings.toString().trim());
                started = super.deploy(archive);
            } finally {
                configuration.setCmdOptions(options);
            }
            serving = this;
            running = archive;
            awaitReady(started);
            metaData = started;
            runningKey = key;
            return metaData;
        }
    }

    /** Kept for the next class. */
    @Override
    public void undeploy(Archive<?> archive) {}

    private static void stopRunning() {
        if (serving != null) {
            try {
                serving.undeployOwn(running);
            } catch (DeploymentException e) {
                LOG.warning("stopping the shared Payara Micro: " + e);
            }
            serving = null;
            running = null;
            runningKey = null;
            metaData = null;
        }
    }

    private void undeployOwn(Archive<?> archive) throws DeploymentException {
        super.undeploy(archive);
    }

    private void awaitReady(ProtocolMetaData started) throws DeploymentException {
        HTTPContext http = started.getContexts(HTTPContext.class).iterator().next();
        URI ready = URI.create("http://" + http.getHost() + ":" + http.getPort() + "/health/ready");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(startupSeconds).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
                Thread.sleep(500);
            } catch (IOException e) {
                last = e.toString();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopRunning();
        throw new DeploymentException("Payara Micro did not become ready within " + startupSeconds + " s: " + last);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same name and same entries, the archives' content (it is all built from target/ketenzicht.war). */
    private static String key(Archive<?> archive) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(archive.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            archive.getContent().keySet().stream()
                    .map(Object::toString)
                    .sorted()
                    .forEach(p -> digest.update((p + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server still accepts connections (a test may have made it exit). */
    private static boolean answers(ProtocolMetaData metaData) {
        if (metaData == null || metaData.getContexts(HTTPContext.class).isEmpty()) {
            return false;
        }
        HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(http.getHost(), http.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
