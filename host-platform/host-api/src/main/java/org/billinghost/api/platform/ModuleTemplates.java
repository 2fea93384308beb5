package org.billinghost.api.platform;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a module's pages from FreeMarker templates in the module's own bundle, under
 * {@value #FOLDER}/ (e.g. {@code templates/products.ftlh}), with the lock-down of the host's
 * own templates: HTML output with every value escaped unless the template says {@code ?no_esc},
 * no {@code ?new}, no {@code ?api}, no access to classes or class loaders.
 *
 * <p>The host registers this service per using bundle, so a module reference renders that
 * module's templates; compiled templates are dropped when the bundle stops, is updated or is
 * uninstalled. The model is plain data: maps, lists, strings, numbers, booleans (and public
 * records, read by their component names).
 */
@ProviderType
public interface ModuleTemplates {
    /** The folder of the bundle that holds the templates. */
    String FOLDER = "templates";
    /** The longest template name accepted. */
    int MAX_NAME_LENGTH = 200;

    /**
     * Renders {@code FOLDER/template} with the model into a string (never half a page).
     *
     * @param template a relative name such as {@code products.ftlh}: letters, digits, {@code -_./}, no {@code ..}
     * @throws IllegalArgumentException when the name is not such a name
     * @throws ModuleTemplateException  when the template is missing or fails; the cause is in the host's log
     */
    String render(String template, Map<String, ?> model);
}
