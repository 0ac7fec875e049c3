package gov.planmonitor.report.render;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateNode.Origin;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How the report templates escape what they show: every value unless it is a {@link RawString}. The page's escaping
 * is Qute's own for HTML but also drops the characters XML 1.0 forbids (the PDF parses the page as XML); Markdown
 * has none of its own in Qute, so its values are escaped here to read as themselves on one line, and
 * {@code .cell} and {@code .paragraph} escape them for a table cell and for a paragraph.
 */
@ApplicationScoped
public class TemplateEscaping {

    static final String MARKDOWN = "text/markdown";

    /** The mark that makes a line a heading, list item or thematic break (a number's . or ) for an ordered list). */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\d+(?=[.)])|(?=[#=+-]))");

    void register(@Observes EngineBuilder engine) {
        engine.addResultMapper(new Escaper("text/html", Xml::esc)).addResultMapper(new Escaper(MARKDOWN, TemplateEscaping::line));
    }

    /** Ahead of Qute's own HTML escaper (priority 10 against its 1): the first mapper that applies is used. */
    private record Escaper(String contentType, UnaryOperator<String> escape) implements ResultMapper {
        @Override
        public int getPriority() {
            return 10;
        }

        @Override
        public boolean appliesTo(Origin origin, Object result) {
            return !(result instanceof RawString) && origin.getVariant().map(Variant::getContentType).filter(contentType::equals).isPresent();
        }

        @Override
        public String map(Object result, Expression expression) {
            return escape.apply(result.toString());
        }
    }

    /** Text in a Markdown table cell: a line break would end the row, so it becomes the cell's own break. */
    @TemplateExtension
    static RawString cell(String s) {
        return new RawString(literal(s).replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>"));
    }

    /** A Markdown paragraph of its own: a line that began with a heading, list or code mark would be that block instead. */
    @TemplateExtension
    static RawString paragraph(String s) {
        return new RawString(BLOCK_START.matcher(line(s).strip()).replaceFirst("$1\\\\"));
    }

    /** Text on one Markdown line: a line break could start a block (a heading, a list, a table) of the text's own. */
    static String line(String s) {
        return literal(s).replace("\r\n", " ").replace("\n", " ").replace("\r", " ");
    }

    /**
     * Text that reads as itself in any Markdown renderer: no HTML (a frontend may pass it through), no entity, and
     * no emphasis, code, strike-through, link or image (so no javascript: link either), and no end of a table cell.
     */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '_', '~', '[', ']', '|' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
