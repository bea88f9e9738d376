package cn.ola.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language a test's browser asks for, e.g. {@code @BrowserLanguage("zh-CN") Browser browser}:
 * Chromium's user-interface language and the languages it sends as {@code Accept-Language} and
 * offers to pages as {@code navigator.languages} (the tag itself, then its primary language, e.g.
 * {@code zh-CN,zh}). Without it the browser is British English ({@code --lang=en-GB}), as every
 * browser test has always had it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface BrowserLanguage {

    /** A BCP 47 language tag such as {@code zh-CN}. */
    String value();
}
