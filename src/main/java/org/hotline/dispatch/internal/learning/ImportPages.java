package org.hotline.dispatch.internal.learning;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.organization.Actor;
import org.hotline.platform.InvalidInputException;
import org.hotline.platform.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * History imports for the administrator (历史导入): upload a CSV or Excel file, map its columns (the file's own
 * header, with the importer's defaults preselected and its first rows shown), then follow the import's progress and
 * read the rejected rows with their reasons, a page at a time. An adapter like {@code LearningAdminController}: the
 * same {@link HistoryImports#start} job with the same {@link ColumnMapping}, the same progress any instance reports.
 *
 * <p>The file waits between upload and mapping in a temporary file known only to the admin's session (by a token,
 * never by a path from the request), and the import job deletes it when done, as the API's does.
 */
@ConsoleController
@RequestMapping("/console/admin/imports")
class ImportPages {

    static final int REJECTS_PER_PAGE = 20;
    private static final String UPLOADS = ImportPages.class.getName() + ".uploads";
    private static final List<String> CHARSETS = List.of("UTF-8", "GBK", "GB18030");

    private final HistoryImports imports;

    ImportPages(HistoryImports imports) {
        this.imports = imports;
    }

    /** A file uploaded and waiting for its mapping, in this session only. */
    record Upload(String path, String fileName, String charset) implements Serializable {
    }

    // ---------------------------------------------------------------- upload

    @GetMapping
    String imports(Model model) {
        model.addAttribute("recent", imports.recent(20).stream().map(LearningViews.ImportRow::of).toList());
        model.addAttribute("charsets", CHARSETS);
        return "dispatch/imports";
    }

    @PostMapping("/upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String charset, HttpSession session, Model model,
            HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "请选择要导入的文件");
            }
            Charset cs = charset(charset);
            Path copy = Files.createTempFile("dispatch-import", ".upload");
            file.transferTo(copy);
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "history.csv"
                    : Path.of(file.getOriginalFilename()).getFileName().toString();
            try {
                HistoryPreview.of(copy, name, cs);
            } catch (RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            String token = UUID.randomUUID().toString();
            uploads(session).put(token, new Upload(copy.toString(), name, cs.name()));
            return "redirect:/console/admin/imports/mapping?token=" + token;
        } catch (IOException e) {
            return refused(new InvalidInputException("file", "文件读取失败，请重新选择文件"), model, response);
        } catch (RuntimeException e) {
            return refused(e, model, response);
        }
    }

    // ---------------------------------------------------------------- mapping

    @GetMapping("/mapping")
    String mapping(@RequestParam(required = false) String token, HttpSession session, Model model) {
        Upload upload = upload(session, token);
        HistoryPreview.Read read = HistoryPreview.of(Path.of(upload.path()), upload.fileName(),
                Charset.forName(upload.charset()));
        model.addAttribute("preview", new LearningViews.Preview(token, upload.fileName(), upload.charset(),
                read.header(), read.rows()));
        if (!model.containsAttribute("mapping")) {
            model.addAttribute("mapping", defaults(read.header()));
        }
        return "dispatch/import-mapping";
    }

    @PostMapping("/start")
    String start(@RequestParam Map<String, String> form, HttpSession session, Actor actor, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String token = form.get("token");
        Upload upload = upload(session, token);
        try {
            Map<String, String> chosen = chosen(form);
            if (chosen.get("label") == null) {
                throw new InvalidInputException("label", "必须选择标签列（分类编码或承办单位）");
            }
            if (chosen.get("subject") == null && chosen.get("body") == null && chosen.get("detail") == null
                    && chosen.get("tokens") == null) {
                throw new InvalidInputException("body", "至少选择一个内容列（标题、正文、详情或分词）");
            }
            // a role left unmapped is null, which no header matches: never the importer's default column name,
            // which the file may use for something else
            ColumnMapping mapping = new ColumnMapping(chosen.get("label"), chosen.get("subject"), chosen.get("body"),
                    chosen.get("detail"), chosen.get("tokens"), chosen.get("time"), Charset.forName(upload.charset()));
            long id = imports.start(upload.fileName(), Path.of(upload.path()), mapping, actor.username(), true);
            uploads(session).remove(token);
            flash.addFlashAttribute("notice", "admin.done.import-started");
            return "redirect:/console/admin/imports/" + id;
        } catch (RuntimeException e) {
            PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
            response.setStatus(errors.status().value());
            model.addAttribute(PageErrors.ATTRIBUTE, errors);
            model.addAttribute("mapping", chosen(form));
            return mapping(token, session, model);
        }
    }

    // ---------------------------------------------------------------- progress and rejected rows

    @GetMapping("/{id}")
    String progress(@PathVariable String id, @RequestParam(defaultValue = "0") String page, Model model) {
        HistoryImports.Progress p = find(id);
        model.addAttribute("job", LearningViews.ImportRow.of(p));
        model.addAttribute("rejects", rejects(p, page));
        return "dispatch/import";
    }

    /** The progress fragment htmx polls every second while the import runs. */
    @GetMapping("/{id}/progress")
    String fragment(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, HttpServletResponse response) {
        HistoryImports.Progress p = find(id);
        if (!"true".equals(htmx)) {
            return "redirect:/console/admin/imports/" + p.id();
        }
        model.addAttribute("job", LearningViews.ImportRow.of(p));
        if (!p.running()) {
            // it ended while the page watched: draw the page again, with every rejected row
            response.setHeader("HX-Refresh", "true");
        }
        return "dispatch/import :: progress";
    }

    // ---------------------------------------------------------------- helpers

    private String refused(RuntimeException e, Model model, HttpServletResponse response) {
        PageErrors errors = PageErrors.of(e).orElseThrow(() -> e);
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, errors);
        return imports(model);
    }

    private static LearningViews.RejectPage rejects(HistoryImports.Progress p, String page) {
        int pages = Math.max(1, (p.rejects().size() + REJECTS_PER_PAGE - 1) / REJECTS_PER_PAGE);
        int n;
        try {
            n = Math.max(0, Math.min(pages - 1, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            n = 0;
        }
        List<LearningViews.RejectRow> rows = p.rejects().stream().skip((long) n * REJECTS_PER_PAGE)
                .limit(REJECTS_PER_PAGE).map(r -> new LearningViews.RejectRow(r.row(), r.reason())).toList();
        return new LearningViews.RejectPage(rows, n, pages);
    }

    /** The columns the importer's defaults name, where the file has them (case and spaces ignored). */
    private static Map<String, String> defaults(List<String> header) {
        ColumnMapping d = ColumnMapping.defaults();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("label", match(header, d.label()));
        m.put("subject", match(header, d.subject()));
        m.put("body", match(header, d.body()));
        m.put("detail", match(header, d.detail()));
        m.put("tokens", match(header, d.tokens()));
        m.put("time", match(header, d.time()));
        return m;
    }

    private static String match(List<String> header, String name) {
        return header.stream().filter(h -> h.strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    /** The columns the form chose; an unchosen one is null (the importer then has no such column). */
    private static Map<String, String> chosen(Map<String, String> form) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String role : List.of("label", "subject", "body", "detail", "tokens", "time")) {
            String v = form.get(role);
            m.put(role, v == null || v.isBlank() ? null : v.strip());
        }
        return m;
    }

    private HistoryImports.Progress find(String id) {
        try {
            return imports.find(Long.parseLong(id)).orElseThrow(() -> new NotFoundException("导入任务 " + id + " 不存在"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("导入任务 " + id + " 不存在");
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "不支持的字符集「" + name + "」");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Upload> uploads(HttpSession session) {
        Object found = session.getAttribute(UPLOADS);
        if (found instanceof Map<?, ?> map) {
            return (Map<String, Upload>) map;
        }
        Map<String, Upload> created = new java.util.concurrent.ConcurrentHashMap<>();
        session.setAttribute(UPLOADS, created);
        return created;
    }

    private static Upload upload(HttpSession session, String token) {
        Upload upload = token == null ? null : uploads(session).get(token);
        if (upload == null || !Files.exists(Path.of(upload.path()))) {
            throw new NotFoundException("上传的文件已失效，请重新上传");
        }
        return upload;
    }
}
