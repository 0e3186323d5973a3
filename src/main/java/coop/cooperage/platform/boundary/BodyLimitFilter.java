package coop.cooperage.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB (20 MiB for register imports and offer documents, 10 MiB for bank statements) with 413
 * before they are read; a body that lies about its length is cut off at the limit too.
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    public static final int LIMIT = 1024 * 1024;
    public static final int UPLOAD_LIMIT = 20 * 1024 * 1024;
    public static final int STATEMENT_LIMIT = 10 * 1024 * 1024;

    @Inject
    ErrorResponses errors;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        int limit = limitFor(path);
        if (ctx.getLength() > limit) {
            ctx.abortWith(errors.of(ctx.getUriInfo(), 413, "Content Too Large",
                    "The request body is larger than " + (limit / 1024 / 1024) + " MiB"));
            return;
        }
        ctx.setEntityStream(new Limited(ctx.getEntityStream(), limit));
    }

    /** The largest body a request to the path may send. */
    static int limitFor(String path) {
        if (path.endsWith("/imports") || path.contains("/members/import") || path.endsWith("/document")) {
            return UPLOAD_LIMIT;
        }
        // bank statements, page and API (and the page that maps a CSV's columns): a year's export of a busy account
        if (path.contains("/payments/statements")) {
            return STATEMENT_LIMIT;
        }
        return LIMIT;
    }

    static final class Limited extends FilterInputStream {
        private final int limit;
        private long count;

        Limited(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new jakarta.ws.rs.WebApplicationException(413);
            }
        }
    }
}
