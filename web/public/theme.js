/* global window, document */
// Applies the member's saved theme (light or dark) before the page paints; "system" leaves it to the device.
try {
  var kindredTheme = window.localStorage.getItem('kindred-theme');
  if (kindredTheme === 'light' || kindredTheme === 'dark')
    document.documentElement.setAttribute('data-theme', kindredTheme);
} catch {
  // Storage can be unavailable (private mode, blocked cookies): follow the device.
}
