package org.hotline.webchannel.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hotline.console.ConsoleController;
import org.hotline.console.PageErrors;
import org.hotline.platform.InvalidInputException;
import org.hotline.workorder.OrderNumber;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我要诉求: the public page where a citizen files an appeal, without an account, in two steps: the mobile number
 * (a code is sent to it), then the appeal with the code. Then the order number, and a link to the case lookup for
 * the progress. Each step posts with the session's CSRF token and redirects after success (post, redirect, get).
 * The page shows the citizen nothing but what they typed, their masked number and the order number.
 */
@ConsoleController
class AppealPages {

    private final WebAppeals appeals;

    AppealPages(WebAppeals appeals) {
        this.appeals = appeals;
    }

    /** The citizens' own pages: the header names them as such, not as the staff's 工作台. */
    @ModelAttribute("publicPage")
    boolean publicPage() {
        return true;
    }

    @GetMapping("/appeal")
    String start(@RequestParam(name = "c", required = false) String challenge, Model model) {
        if (challenge != null) {
            var phone = appeals.maskedPhone(challenge);
            if (phone.isPresent()) {
                return form(model, challenge, phone.get(), blank());
            }
        }
        model.addAttribute("phone", "");
        return "webchannel/appeal-phone";
    }

    @PostMapping("/appeal/code")
    String sendCode(@RequestParam(defaultValue = "") String phone, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            String challenge = appeals.sendCode(phone, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "appeal.code.sent");
            return "redirect:/appeal?c=" + challenge;
        } catch (InvalidInputException | WebAppeals.Throttled e) {
            model.addAttribute("phone", phone.length() > 20 ? "" : phone);
            refuse(model, response, e);
            return "webchannel/appeal-phone";
        }
    }

    @PostMapping("/appeal")
    String file(@RequestParam(defaultValue = "") String challenge, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String appealType, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "") String district, @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String community, @RequestParam(defaultValue = "") String detail,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean confidential,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        WebAppeals.Form form = new WebAppeals.Form(challenge, code, appealType, content, district, street, community,
                detail, name, confidential);
        var phone = appeals.maskedPhone(challenge);
        if (phone.isEmpty()) {
            model.addAttribute("phone", "");
            refuse(model, response, new WebAppeals.Throttled("页面已失效，请重新填写手机号获取验证码。"));
            return "webchannel/appeal-phone";
        }
        try {
            List<WebAppeals.Upload> uploads = new ArrayList<>();
            for (MultipartFile p : photos == null ? List.<MultipartFile>of() : photos) {
                uploads.add(new WebAppeals.Upload(p.getOriginalFilename(), p.getBytes()));
            }
            OrderNumber number = appeals.file(form, uploads, request.getRemoteAddr());
            redirect.addFlashAttribute("number", number.value());
            return "redirect:/appeal/filed";
        } catch (InvalidInputException | WebAppeals.Throttled e) {
            refuse(model, response, e);
            return form(model, challenge, phone.get(), form);
        }
    }

    @GetMapping("/appeal/filed")
    String filed(Model model) {
        if (!model.containsAttribute("number")) {
            return "redirect:/appeal"; // a reload after the notice was shown: nothing to show twice
        }
        return "webchannel/appeal-filed";
    }

    private String form(Model model, String challenge, String maskedPhone, WebAppeals.Form form) {
        model.addAttribute("challenge", challenge);
        model.addAttribute("maskedPhone", maskedPhone);
        model.addAttribute("form", form);
        model.addAttribute("district", appeals.district());
        model.addAttribute("streets", appeals.streets());
        model.addAttribute("types", appeals.types());
        return "webchannel/appeal";
    }

    private static WebAppeals.Form blank() {
        return new WebAppeals.Form(null, "", "HELP_REQUEST", "", null, "", "", "", "", false);
    }

    private static void refuse(Model model, HttpServletResponse response, RuntimeException e) {
        PageErrors errors = e instanceof WebAppeals.Throttled
                ? PageErrors.rejected("too-many-attempts", e.getMessage(), HttpStatus.TOO_MANY_REQUESTS)
                : PageErrors.of(e).orElseThrow(() -> e);
        response.setStatus(errors.status().value());
        model.addAttribute(PageErrors.ATTRIBUTE, errors);
    }
}
