package org.hotline.console.internal;

import java.util.Optional;

import org.hotline.console.ConsoleController;
import org.hotline.console.Navigation;
import org.hotline.organization.Actor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The way in: the login form, and the landing page of each role. */
@ConsoleController
class LandingController {

    /** Signed in: the role's work page; otherwise the login form (the security chain sends anonymous callers there). */
    @GetMapping({ "/", "/console" })
    String landing(Actor actor) {
        return "redirect:" + Navigation.landing(actor.role());
    }

    @GetMapping("/login")
    String login(Optional<Actor> actor, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout, @RequestParam(required = false) String ended, Model model) {
        if (actor.isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        // the session's account was disabled or removed since sign-in: the security chain sent them here
        model.addAttribute("accountEnded", ended != null);
        return "console/login";
    }
}
