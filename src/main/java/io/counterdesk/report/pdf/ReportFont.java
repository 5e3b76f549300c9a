package io.counterdesk.report.pdf;

import io.counterdesk.shared.BusinessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Chinese font the PDF reports embed (as a subset: only the glyphs a report uses). It must be
 * a TrueType font ({@code .ttf}) or a TrueType collection ({@code .ttc}); PDFBox cannot embed
 * CFF-outline fonts such as Noto Sans CJK.
 *
 * <p>Set with {@value #SETTING} (a file) and optionally {@value #NAME_SETTING} (a font's name inside
 * a collection; default: its first font) in {@code counterdesk.properties}. Without the setting the
 * usual system fonts are tried: WenQuanYi Micro Hei on Linux (package {@code fonts-wqy-microhei}),
 * then Microsoft YaHei and SimSun in Windows' font folder.
 *
 * @param name the font inside a collection; empty for the first one (or for a single font file)
 */
public record ReportFont(Path file, Optional<String> name) {

    public static final String SETTING = "report.font";
    public static final String NAME_SETTING = "report.font.name";

    public ReportFont {
        file = file.toAbsolutePath();
        name = name.map(String::strip).filter(n -> !n.isEmpty());
    }

    /**
     * The configured font, or the first of the {@linkplain #candidates system fonts} that exists.
     *
     * @param env the environment, for Windows' {@code WINDIR}
     * @throws BusinessException {@code pdf.font.missing} when the configured file does not exist,
     *     {@code pdf.font.notFound} (naming the setting and the files tried) when no font is found
     */
    public static ReportFont locate(Optional<Path> configured, Optional<String> name, Map<String, String> env) {
        return locate(configured, name, candidates(env));
    }

    static ReportFont locate(Optional<Path> configured, Optional<String> name, List<Path> candidates) {
        if (configured.isPresent()) {
            Path file = configured.get();
            if (!Files.isRegularFile(file)) {
                throw new BusinessException("pdf.font.missing", SETTING, file.toAbsolutePath());
            }
            return new ReportFont(file, name);
        }
        List<Path> tried = candidates;
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return new ReportFont(candidate, name);
            }
        }
        throw new BusinessException("pdf.font.notFound", SETTING,
                tried.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    /** The system fonts tried, in order, when none is configured. */
    static List<Path> candidates(Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));
        paths.add(Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"));
        paths.add(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
        String windows = env.getOrDefault("WINDIR", env.getOrDefault("SystemRoot", ""));
        List<String> windowsFolders = new ArrayList<>();
        if (!windows.isBlank()) {
            windowsFolders.add(windows.strip());
        }
        if (windowsFolders.isEmpty() || !windowsFolders.get(0).toLowerCase(Locale.ROOT).equals("c:\\windows")) {
            windowsFolders.add("C:\\Windows");
        }
        for (String folder : windowsFolders) {
            for (String font : List.of("msyh.ttc", "simsun.ttc", "msyh.ttf", "simhei.ttf")) {
                paths.add(Path.of(folder, "Fonts", font));
            }
        }
        return List.copyOf(paths);
    }
}
