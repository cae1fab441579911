package dev.imagegen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM ({@code imagegen-bom}) manages every published module of the reactor at the project's version, pins
 * nothing else, and has the project's version; the README shows it imported.
 */
class BomTest {

    private static final Path ROOT = Path.of("..");
    /** Reactor modules that are not published as libraries. */
    private static final Set<String> UNPUBLISHED = Set.of("imagegen-bom", "imagegen-bench", "imagegen-bench-peer");

    @Test
    void the_bom_manages_every_published_module_at_the_project_version() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");
        Set<String> published = new TreeSet<>();
        for (String module : texts(parent.getDocumentElement(), "modules", "module")) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            String artifactId = child(pom.getDocumentElement(), "artifactId");
            if (!UNPUBLISHED.contains(artifactId)) {
                published.add(artifactId);
            }
        }
        Document bom = read(ROOT.resolve("imagegen-bom").resolve("pom.xml"));
        assertEquals(version, child(bom.getDocumentElement(), "version"), "the BOM's version is the project's");
        assertEquals("pom", child(bom.getDocumentElement(), "packaging"));
        assertTrue(bom.getElementsByTagName("parent").getLength() == 0, "the BOM has no parent: it pins only ours");
        Set<String> managed = new TreeSet<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            assertEquals("dev.imagegen", child(dep, "groupId"));
            assertEquals("${project.version}", child(dep, "version"), child(dep, "artifactId"));
            managed.add(child(dep, "artifactId"));
        }
        assertEquals(published, managed);
    }

    @Test
    void the_readme_imports_the_bom_and_names_adapters_without_versions() throws Exception {
        String readme = java.nio.file.Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("<artifactId>imagegen-bom</artifactId>"), "the README shows the BOM");
        assertTrue(readme.contains("<scope>import</scope>"), "the README imports it");
        assertTrue(readme.contains("<artifactId>imagegen-adapter-xenodia</artifactId>\n  </dependency>")
                || readme.contains("<artifactId>imagegen-adapter-xenodia</artifactId></dependency>"),
                "the README names an adapter without a version");
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the element's direct child of that name. */
    private static String child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + element.getTagName() + ">");
    }

    private static List<String> texts(Element element, String container, String name) {
        List<String> out = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(container)) {
                NodeList items = e.getElementsByTagName(name);
                for (int i = 0; i < items.getLength(); i++) {
                    out.add(items.item(i).getTextContent().trim());
                }
            }
        }
        return out;
    }
}
