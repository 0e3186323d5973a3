package coop.cooperage.platform.boundary.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders {@link Page}s with Thymeleaf; templates are parsed once and cached. */
@Provider
@Produces(MediaType.TEXT_HTML)
public class PageWriter implements MessageBodyWriter<Page> {

    private static final TemplateEngine ENGINE = engine();

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    ServletContext servletContext;

    @Inject
    Instance<PageDecorator> decorators;

    private static TemplateEngine engine() {
        var resolver = new ClassLoaderTemplateResolver(PageWriter.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        decorators.forEach(d -> d.decorate(page, request));
        var exchange = JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response);
        var context = new WebContext(exchange, java.util.Locale.UK);
        context.setVariables(page.model());
        context.setVariable("csrf", Csrf.token(request));
        context.setVariable("flash", Flash.take(request));
        if (!page.model().containsKey("errors")) {
            context.setVariable("errors", java.util.Map.of());
        }
        if (!page.model().containsKey("form")) {
            context.setVariable("form", java.util.Map.of());
        }
        headers.putSingle("Content-Type", "text/html; charset=UTF-8");
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ENGINE.process(page.template(), context, writer);
        writer.flush();
    }
}
