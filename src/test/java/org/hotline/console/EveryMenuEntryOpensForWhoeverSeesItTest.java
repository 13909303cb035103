package org.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.console.ConsoleSessions.DEMO_PASSWORD;
import static org.hotline.console.ConsoleSessions.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.support.ConsolePagesTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The menu is by role; a link in it that answers "not permitted" to the person who sees it is a broken promise
 * (an industry department's leader was once offered the towns' patrol figures). Every demo user's menu, as the
 * landing page renders it, opens page by page.
 */
@ConsolePagesTest
class EveryMenuEntryOpensForWhoeverSeesItTest {

    private static final Pattern MENU = Pattern.compile("<nav class=\"menu\".*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"(/console[^\"?#]*)\"");

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "operator1", "dispatcher1", "reviewer1", "supervisor1", "director1", "admin",
            "scj-handler", "zf-leader", "gulou-handler", "gulou-leader", "houying-patrol1" })
    void everyLinkInTheMenuOpens(String username) throws Exception {
        MockHttpSession session = signIn(mvc, username, DEMO_PASSWORD);
        // /console sends each role to its work page, which carries the menu
        String workPage = mvc.perform(get("/console").session(session).accept(MediaType.TEXT_HTML)).andReturn()
                .getResponse().getRedirectedUrl();
        String landing = mvc.perform(get(workPage == null ? "/console" : workPage).session(session)
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
        Matcher menu = MENU.matcher(landing);
        assertThat(menu.find()).as(username + " has a menu").isTrue();
        Set<String> links = new LinkedHashSet<>();
        Matcher link = LINK.matcher(menu.group());
        while (link.find()) {
            links.add(link.group(1));
        }
        assertThat(links).as(username + "'s menu").isNotEmpty();
        for (String path : links) {
            int status = mvc.perform(get(path).session(session).accept(MediaType.TEXT_HTML)).andReturn()
                    .getResponse().getStatus();
            assertThat(status).as(username + " opens " + path).isEqualTo(200);
        }
    }
}
