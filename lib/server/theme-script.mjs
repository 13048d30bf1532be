// @ts-check
// The theme script, shared by the page <head> (components/ThemeScript.tsx) and the
// Content-Security-Policy, which allows this exact script by its hash (lib/server/security-headers.mjs).
// Runs before first paint: applies the stored or system theme (no white flash for dark readers),
// follows system changes while no choice is stored, and wires every `[data-theme-toggle]` button.
export const themeScript =
  "(function(){var e=document.documentElement,m=matchMedia('(prefers-color-scheme: dark)');function g(){try{return localStorage.getItem('theme')}catch(_){return null}}function a(d){e.classList.toggle('dark',d);var b=document.querySelectorAll('[data-theme-toggle]');for(var i=0;i<b.length;i++)b[i].setAttribute('aria-pressed',String(d))}var s=g();a(s?s==='dark':m.matches);m.addEventListener('change',function(x){if(!g())a(x.matches)});document.addEventListener('click',function(x){var t=x.target;if(!t.closest||!t.closest('[data-theme-toggle]'))return;var d=!e.classList.contains('dark');a(d);try{localStorage.setItem('theme',d?'dark':'light')}catch(_){}});document.addEventListener('DOMContentLoaded',function(){a(e.classList.contains('dark'))})})()";
