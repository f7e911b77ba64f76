import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The build's check of an example's output: prints it, then fails (exit 1) unless at least MIN lines
 * match PATTERN. Run as a source file: java CheckOutput.java FILE MIN PATTERN
 */
public class CheckOutput {
  public static void main(String[] args) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    int min = Integer.parseInt(args[1]);
    Pattern pattern = Pattern.compile(args[2]);
    lines.forEach(System.out::println);
    long matching = lines.stream().filter(line -> pattern.matcher(line).find()).count();
    if (matching < min) {
      System.err.println(args[0] + ": " + matching + " lines match " + pattern + ", expected at least " + min);
      System.exit(1);
    }
    System.out.println("-- " + matching + " lines match " + pattern + " (at least " + min + " expected)");
  }
}
