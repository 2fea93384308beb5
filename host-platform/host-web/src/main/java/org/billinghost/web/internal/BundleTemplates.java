package org.billinghost.web.internal;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.platform.ModuleTemplateException;
import org.billinghost.api.platform.ModuleTemplates;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModuleTemplates} for one module bundle. Bundle scope gives every using bundle an instance
 * of its own, reading that bundle's {@code templates/} through its class loader; the instance, and
 * with it the compiled templates, goes away when the bundle releases the service (stop, update,
 * uninstall), so an updated module never renders its old templates.
 */
@Component(service = ModuleTemplates.class, scope = ServiceScope.BUNDLE)
public final class BundleTemplates implements ModuleTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(BundleTemplates.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    /** Path segments of letters, digits, '-' and '_' joined by single dots or slashes: never "..", never absolute. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*");

    private final Configuration configuration;
    private final String owner;

    @Activate
    public BundleTemplates(ComponentContext context) {
        this(context.getUsingBundle());
    }

    private BundleTemplates(Bundle module) {
        this(module.adapt(BundleWiring.class).getClassLoader(), module.getSymbolicName());
    }

    /** Templates of the bundle whose class loader is {@code loader}; {@code owner} names it in the log. */
    public BundleTemplates(ClassLoader loader, String owner) {
        this.configuration = Templates.lockedDown(new ClassTemplateLoader(Objects.requireNonNull(loader), FOLDER));
        this.owner = owner;
    }

    @Override
    public String render(String template, Map<String, ?> model) {
        if (template == null || template.length() > MAX_NAME_LENGTH || !NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("A module template name is a relative path of at most " + MAX_NAME_LENGTH
                    + " letters, digits, '-', '_', '.' and '/', without '..'");
        }
        Objects.requireNonNull(model, "model");
        StringWriter out = new StringWriter(4096);
        try {
            configuration.getTemplate(template).process(model, out);
        } catch (IOException | TemplateException | RuntimeException e) {
            // the engine's message quotes template text and model names: for the log only
            FAILURES.error(e, "Module template failed: bundle={} template={}", owner, template);
            throw new ModuleTemplateException(template);
        }
        return out.toString();
    }
}
