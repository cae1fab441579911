package dev.imagegen.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README honest: its embedded-use example is five lines or fewer and compiles against this build's API. */
class ReadmeExampleTest {

    @Test
    void the_readme_embedded_example_compiles(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README has a ```java example");
        List<String> lines = block.group(1).lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.size() <= 5, () -> "the example is five lines or fewer, not " + lines.size());
        String imports = lines.stream().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        String body = lines.stream().filter(line -> !line.startsWith("import ")).collect(Collectors.joining("\n"));
        Path source = dir.resolve("Example.java");
        Files.writeString(source, imports + "\nclass Example {\n    static void run() {\n" + body + "\n    }\n}\n");

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK compiler");
        StringWriter errors = new StringWriter();
        boolean ok = compiler.getTask(errors, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "--release", "17"),
                null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertTrue(ok, () -> "README example does not compile:\n" + errors);
    }
}
