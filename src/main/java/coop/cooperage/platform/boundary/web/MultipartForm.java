package coop.cooperage.platform.boundary.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a multipart/form-data body (RFC 7578), enough for a form with a file input:
 * each part's name, its file name if any, and its bytes.
 */
public final class MultipartForm {

    public record Part(String name, String fileName, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = parts;
    }

    public static MultipartForm parse(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("The form was not sent as multipart/form-data");
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        var parts = new HashMap<String, Part>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length;
            if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break;
            }
            headersStart += 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            int next = indexOf(body, delimiter, headersEnd + 4);
            if (next < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                Matcher file = FILE_NAME.matcher(headers);
                byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2));
                parts.put(name.group(1), new Part(name.group(1), file.find() ? file.group(1) : null, content));
            }
            start = next;
        }
        return new MultipartForm(parts);
    }

    public Part part(String name) {
        return parts.get(name);
    }

    public String text(String name) {
        Part p = parts.get(name);
        return p == null ? null : p.text().trim();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
