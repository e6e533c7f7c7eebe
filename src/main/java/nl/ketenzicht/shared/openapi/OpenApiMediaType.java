package nl.ketenzicht.shared.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Payara serves the YAML of the OpenAPI document as {@code text/plain}, a type fixed inside the server
 * (its servlet runs in this application's context, so this filter sees it). OpenAPI tools expect
 * {@code application/yaml}: the answer is named so, and a client that asks for YAML by that type
 * ({@code Accept: application/yaml}), which Payara would answer 406, gets it.
 */
@WebFilter(
        urlPatterns = {"/openapi", "/openapi/*"},
        asyncSupported = true)
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml";
    private static final String PAYARA_YAML = "text/plain";
    private static final Pattern YAML_TYPES =
            Pattern.compile("(application|text)/(x-)?yaml|application/vnd\\.oai\\.openapi", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new AskingPayaraForYaml(request), new NamingYaml(response));
    }

    /** Payara's YAML type for the YAML types a client may name. */
    static String accept(String accept) {
        return accept == null ? null : YAML_TYPES.matcher(accept).replaceAll(PAYARA_YAML);
    }

    /** application/yaml for Payara's text/plain, keeping a charset. */
    static String contentType(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(PAYARA_YAML)
                ? YAML + type.substring(PAYARA_YAML.length())
                : type;
    }

    private static boolean isAccept(String name) {
        return "Accept".equalsIgnoreCase(name);
    }

    private static boolean isContentType(String name) {
        return "Content-Type".equalsIgnoreCase(name);
    }

    private static final class AskingPayaraForYaml extends HttpServletRequestWrapper {

        AskingPayaraForYaml(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isAccept(name) ? accept(super.getHeader(name)) : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!isAccept(name)) {
                return super.getHeaders(name);
            }
            return Collections.enumeration(Collections.list(super.getHeaders(name)).stream()
                    .map(OpenApiMediaType::accept)
                    .toList());
        }
    }

    private static final class NamingYaml extends HttpServletResponseWrapper {

        NamingYaml(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(contentType(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isContentType(name) ? contentType(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isContentType(name) ? contentType(value) : value);
        }
    }
}
