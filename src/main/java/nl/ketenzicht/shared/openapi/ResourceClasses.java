package nl.ketenzicht.shared.openapi;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The application's JAX-RS root resource classes: concrete classes under {@code nl.ketenzicht} with
 * {@code @Path}, found by walking the package in the WAR's class loader (WEB-INF/classes, exploded or
 * zipped). A CDI extension would not do: with bean-discovery-mode "annotated" CDI never sees resource
 * classes that have no scope annotation.
 */
public final class ResourceClasses {

    private static final String PACKAGE = "nl/ketenzicht/";
    private static final byte[] PATH_ANNOTATION = "Ljakarta/ws/rs/Path;".getBytes(StandardCharsets.UTF_8);

    private ResourceClasses() {}

    /** The resource classes visible to {@code loader}, sorted by name. */
    public static List<Class<?>> in(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(PACKAGE)).stream()
                    .flatMap(root -> entries(root).filter(e -> e.name.endsWith(".class") && mentionsPath(e)))
                    .map(e -> load(loader, e.name))
                    .filter(Objects::nonNull)
                    .filter(ResourceClasses::isResource)
                    .distinct()
                    .sorted(Comparator.comparing(Class<?>::getName))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A concrete class of ours with {@code @Path} on the class itself. */
    static boolean isResource(Class<?> type) {
        return type.getName().startsWith("nl.ketenzicht.")
                && type.isAnnotationPresent(Path.class)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    /** A class file under the package: its name relative to the class path root, and how to read it. */
    private record Entry(String name, Opener bytes) {}

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static Stream<Entry> entries(URL root) {
        try {
            if ("jar".equals(root.getProtocol())) {
                JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile();
                return jar.stream()
                        .filter(z -> z.getName().startsWith(PACKAGE))
                        .map(z -> new Entry(z.getName(), () -> jar.getInputStream(new ZipEntry(z))));
            }
            java.nio.file.Path dir = java.nio.file.Path.of(root.toURI());
            java.nio.file.Path base = dir.getParent().getParent();
            try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).toList().stream()
                        .map(f -> new Entry(
                                base.relativize(f).toString().replace('\\', '/'), () -> Files.newInputStream(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cheap filter before loading: the class file names the {@code @Path} annotation. */
    private static boolean mentionsPath(Entry entry) {
        try (InputStream in = entry.bytes.open()) {
            byte[] bytes = in.readAllBytes();
            for (int i = 0; i <= bytes.length - PATH_ANNOTATION.length; i++) {
                if (java.util.Arrays.equals(
                        bytes, i, i + PATH_ANNOTATION.length, PATH_ANNOTATION, 0, PATH_ANNOTATION.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(ClassLoader loader, String file) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
