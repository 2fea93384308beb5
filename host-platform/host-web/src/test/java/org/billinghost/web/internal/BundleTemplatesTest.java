package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.billinghost.api.platform.ModuleTemplateException;
import org.billinghost.api.platform.ModuleTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module's templates, read through a class loader that stands for the module bundle's own. */
class BundleTemplatesTest {
    @TempDir
    Path bundle;
    private URLClassLoader loader;
    private ModuleTemplates templates;

    @BeforeEach
    void moduleBundle() throws IOException {
        Files.createDirectories(bundle.resolve("templates/pages"));
        // no parent: the template exists only in this "bundle", not on the test's class path
        loader = new URLClassLoader(new URL[] {bundle.toUri().toURL()}, null);
        templates = new BundleTemplates(loader, "test.module");
    }

    private void template(String name, String text) throws IOException {
        Files.writeString(bundle.resolve("templates").resolve(name), text);
    }

    @Test
    void rendersATemplateOfTheModulesBundleWithItsModel() throws IOException {
        template("pages/hello.ftlh", "<#import \"../macros.ftlh\" as m><@m.greet name/>");
        template("macros.ftlh", "<#macro greet who><p class=\"hello\">Hello ${who}</p></#macro>");

        assertThat(templates.render("pages/hello.ftlh", Map.of("name", "Ann"))).isEqualTo("<p class=\"hello\">Hello Ann</p>");
    }

    @Test
    void modelValuesAreEscaped() throws IOException {
        template("value.ftlh", "<p title=\"${v}\">${v}</p>");

        assertThat(templates.render("value.ftlh", Map.of("v", "<script>alert(1)</script>\"'&")))
                .isEqualTo("<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\">"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>");
    }

    @Test
    void theHostsTemplatesAreNotTheModules() {
        // error.ftlh is a host template on the test class path, but not in the module's bundle
        assertThatThrownBy(() -> templates.render("error.ftlh", Map.of()))
                .isInstanceOf(ModuleTemplateException.class).hasMessage(ModuleTemplateException.MESSAGE);
    }

    @Test
    void newBuiltInIsRefused() throws IOException {
        template("new.ftlh", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

        assertThatThrownBy(() -> templates.render("new.ftlh", Map.of()))
                .isInstanceOf(ModuleTemplateException.class).hasMessage(ModuleTemplateException.MESSAGE);
    }

    @Test
    void apiBuiltInIsRefused() throws IOException {
        template("api.ftlh", "${m?api.getClass().getName()}");

        assertThatThrownBy(() -> templates.render("api.ftlh", Map.of("m", Map.of("k", "v"))))
                .isInstanceOf(ModuleTemplateException.class).hasMessage(ModuleTemplateException.MESSAGE);
    }

    @Test
    void aBrokenTemplateGivesTheClearExceptionWithoutTheEnginesMessage() throws IOException {
        template("broken.ftlh", "<#if>${secretName}");

        assertThatThrownBy(() -> templates.render("broken.ftlh", Map.of()))
                .isInstanceOf(ModuleTemplateException.class)
                .hasMessage("The module's page could not be shown; the error is in the host's log.")
                .hasNoCause()
                .extracting(e -> ((ModuleTemplateException) e).template()).isEqualTo("broken.ftlh");
    }

    @Test
    void aMissingValueGivesTheClearException() throws IOException {
        template("missing.ftlh", "${notInTheModel}");

        assertThatThrownBy(() -> templates.render("missing.ftlh", Map.of()))
                .isInstanceOf(ModuleTemplateException.class).hasMessage(ModuleTemplateException.MESSAGE);
    }

    @Test
    void namesOutsideTheTemplatesFolderAreRefusedBeforeLoading() {
        assertThatThrownBy(() -> templates.render("../secret.ftlh", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without '..'");
        assertThatThrownBy(() -> templates.render("/abs.ftlh", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("a".repeat(ModuleTemplates.MAX_NAME_LENGTH) + ".ftlh", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
