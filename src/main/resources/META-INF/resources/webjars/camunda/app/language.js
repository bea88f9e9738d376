/*
 * The language of Camunda's Tasklist, Cockpit, Admin and Welcome, shared by their config.js.
 *
 * Chinese or English, chosen by the browser. Camunda takes the first language the browser asks
 * for, keeps the part before the "-" ("zh-CN" -> "zh", "en-GB" -> "en") and uses it if the
 * app's config.js lists it in availableLocales, else the fallbackLocale.
 */
const browserLanguages = Array.isArray(navigator.languages) ? navigator.languages : [navigator.language];

/** 'zh' for a browser that asks for Chinese first, 'en' for every other. */
export const language = String(browserLanguages[0] || '').split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';

/**
 * Puts the app's texts in the language where Camunda looks for them first: the copy of each
 * locale file it keeps in the browser's local storage. Camunda fetches the file while the app
 * starts, and a few texts (Tasklist's sorting and search field) are read once during the start:
 * when the file arrives later than they are read, the page shows the bare keys (CREATION_DATE,
 * SEARCH_PLACEHOLDER) until it is reloaded. Camunda's config.js is read before the app starts,
 * so the texts are there in time. If anything goes wrong here, Camunda loads the file itself,
 * as it always has.
 */
export async function preloadTexts(app) {
  const appRoot = document.querySelector('base').getAttribute('app-root');
  // Camunda's own names: the storage item "camunda-web", the key prefix + "_locales_data_" + language + "_" + bust.
  const key = `${appRoot}/app/${app}/locales/_locales_data_${language}_${window.bust}`;
  try {
    const stored = JSON.parse(localStorage.getItem('camunda-web') || '{}');
    if (stored[key]) {
      return;
    }
    const response = await fetch(`${appRoot}/app/${app}/locales/${language}.json?bust=${window.bust}`,
      { credentials: 'same-origin' });
    if (!response.ok) {
      return;
    }
    const texts = JSON.parse((await response.text()).replace(/^\uFEFF/, ''));
    stored[key] = JSON.stringify(texts);
    localStorage.setItem('camunda-web', JSON.stringify(stored));
  } catch (e) {
    console.warn('Could not preload the ' + language + ' texts of ' + app, e);
  }
}
