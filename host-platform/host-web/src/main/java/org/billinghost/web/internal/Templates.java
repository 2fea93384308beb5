package org.billinghost.web.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker engine for every page: templates come from this bundle's {@code templates/}
 * folder and HTML auto-escaping is on for all of them, so a value is escaped unless a template
 * says {@code ?no_esc} (done only for module fragments, which modules escape themselves).
 */
public final class Templates {
    private final Configuration configuration;

    public Templates() {
        // The bundle's own class loader: inside OSGi the thread context loader knows nothing of our templates.
        this.configuration = lockedDown(new ClassTemplateLoader(Templates.class.getClassLoader(), "templates"));
    }

    /**
     * The settings of every template the host renders, its own and the modules' ({@link BundleTemplates}):
     * HTML auto-escaping, errors rethrown and not logged by the engine, no {@code ?api}, no {@code ?new}.
     */
    static Configuration lockedDown(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setLocale(Locale.ENGLISH);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Renders a whole page into a string, so that a failing template never leaves half a page behind. */
    public String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter(8192);
        try {
            configuration.getTemplate(template).process(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Template " + template + " could not be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
