package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A client for one person: keeps their session cookie (or API token) and speaks both the
 * HTML forms (with their CSRF token) and the JSON API. Never follows redirects, so tests see them.
 */
public final class Http {

    private final URI base;
    private final HttpClient client;
    private String token;

    public Http(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private Http(URI base, HttpClient client, String token) {
        this.base = base;
        this.client = client;
        this.token = token;
    }

    /**
     * The same person (their cookies, their token) on a new HTTP/1.1 connection, for a request
     * that is meant to wait a while on the server: no HTTP/2 connection to be closed under it.
     */
    public Http overHttp11() {
        return new Http(base, HttpClient.newBuilder().cookieHandler(client.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build(),
                token);
    }

    public Http withToken(String token) {
        this.token = token;
        return this;
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A file upload as a browser sends it: multipart/form-data with one file field. */
    public HttpResponse<String> postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----cooperage" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return postBytes(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public static String csrfOf(String html) {
        return Jsoup.parse(html).select("input[name=_csrf]").attr("value");
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Posts a form the way a browser would: fetches the page first for its CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        var page = get(formPage);
        String csrf = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        assertThat(csrf).as("CSRF token on " + formPage).isNotBlank();
        var all = new LinkedHashMap<String, String>(fields);
        all.put("_csrf", csrf);
        return postForm(action, all);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> signIn(String email, String password) {
        var response = submit("/sign-in", "/sign-in", Map.of("email", email, "password", password, "next", "/"));
        assertThat(response.statusCode()).as("sign in as " + email + ": " + response.body()).isEqualTo(303);
        return response;
    }

    public static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response);
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        return (JsonArray) parse(response);
    }

    private static JsonStructure parse(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    private HttpRequest.Builder request(String path) {
        // benchmarks time long requests (an allotment of 10,000 applications): -Dcoop.http.timeout=600
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(Long.getLong("coop.http.timeout", 60)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
