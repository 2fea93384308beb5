package org.billinghost.web.internal;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {
    private static final Path ROOT = Path.of("src/main/resources/templates");
    private final Templates templates = new Templates();

    @Test
    void everyTemplateIsHtmlWithAutoEscapingOn() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.walk(ROOT)) {
            names = files.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertThat(names).hasSizeGreaterThan(25).allMatch(n -> n.endsWith(".ftlh"));
        for (String name : names) {
            Template t = templates.configuration().getTemplate(name);
            assertThat(t.getAutoEscaping()).as("auto-escaping of %s", name).isTrue();
            assertThat(t.getOutputFormat()).as("output format of %s", name).isSameAs(HTMLOutputFormat.INSTANCE);
        }
    }

    @Test
    void printedValuesAreEscaped() {
        String html = templates.render("error.ftlh", Exchange.model("status", 400, "area", "client", "token", "t",
                "fmt", new Formats(), "message", "<script>alert(1)</script>\"'&"));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;").doesNotContain("<script>");
    }

    @Test
    void aBrokenModelFailsWithoutHalfAPage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.render("error.ftlh", Exchange.model()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("error.ftlh");
    }
}
