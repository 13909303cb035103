package org.hotline.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one headless Chromium for a test class and ends it after the class. Finds the browser and its driver
 * where Debian installs them (or at {@code -Dhotline.chromium=}, {@code -Dhotline.chromedriver=}); never
 * downloads anything. Missing: skipped with what to install, or failed on CI.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    static final String INSTALL = "apt-get install chromium chromium-driver fonts-noto-cjk";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Path chromium = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("hotline.chromedriver", "/usr/bin/chromedriver"));
        String missing = !Files.isExecutable(chromium) ? "chromium (" + chromium + ")"
                : !Files.isExecutable(driver) ? "chromium-driver (" + driver + ")" : null;
        if (missing != null) {
            String message = "The console's browser tests need " + missing + ": " + INSTALL;
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()
                    && !"false".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            throw new TestAbortedException(message);
        }
        context.getStore(NAMESPACE).put(Browser.class, Browser.start(chromium, driver));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = browser(context);
        browser.baseUrl("http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getProperty("local.server.port"));
        browser.reset();
        for (var field : context.getRequiredTestClass().getDeclaredFields()) {
            if (field.getType() == Browser.class) {
                try {
                    field.setAccessible(true);
                    field.set(context.getRequiredTestInstance(), browser);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.quit();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (browser == null) {
            browser = context.getParent().map(p -> p.getStore(NAMESPACE).get(Browser.class, Browser.class)).orElse(null);
        }
        if (browser == null) {
            throw new IllegalStateException("no browser started for " + context.getDisplayName());
        }
        return browser;
    }
}
