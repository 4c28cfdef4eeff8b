// zh-CN by default, English on request (?lang=en, or the switch in the header, remembered).
import { createI18n } from 'vue-i18n';

import en from './locales/en';
import zh from './locales/zh-CN';

const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('hotline.lang');
export const i18n = createI18n({
  legacy: false,
  locale: asked === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
});

export function setLanguage(lang: 'zh-CN' | 'en') {
  i18n.global.locale.value = lang;
  localStorage.setItem('hotline.lang', lang);
  document.documentElement.lang = lang;
}
document.documentElement.lang = i18n.global.locale.value;
