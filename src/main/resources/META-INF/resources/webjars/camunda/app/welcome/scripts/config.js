/*
 * Our own configuration, in place of the one in Camunda's webjar (which sets nothing here).
 *
 * Chinese or English, chosen by the browser. Camunda takes the first language the browser
 * asks for, keeps the part before the "-" ("zh-CN" -> "zh", "en-GB" -> "en") and uses it if it
 * is one of availableLocales, else fallbackLocale. The Chinese texts are our own, in
 * locales/zh.json next to this folder.
 *
 * The fallback is the chosen language itself (English for every language but Chinese), so
 * that Camunda loads one locale file only: it applies the date formats of each file it loads
 * to the whole page, and an English fallback file arriving after the Chinese one would put
 * English dates ("in 8 days", "3 minutes ago") into a Chinese page.
 */
const browserLanguages = Array.isArray(navigator.languages) ? navigator.languages : [navigator.language];
const language = String(browserLanguages[0] || '').split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';

export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: language
  }
};
