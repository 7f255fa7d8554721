/*! Ghibli, GPUs and billions: embed loader (MIT). Resizes our iframes from their
   height messages. Trusts a message only when it comes from our origin AND from
   that very iframe's window; reads a number from it, never markup. */
(function () {
  'use strict';
  var me = document.currentScript;
  var origin;
  try {
    origin = new URL(me && me.src ? me.src : '', location.href).origin;
  } catch (e) {
    return;
  }
  if (window.__ggEmbed) return;
  window.__ggEmbed = true;

  function frames() {
    var out = [];
    var list = document.getElementsByTagName('iframe');
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      try {
        if (new URL(f.src, location.href).origin === origin && /\/embed\//.test(f.src)) out.push(f);
      } catch (e) {}
    }
    return out;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'gg-embed:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.ceil(height) + 'px';
        list[i].setAttribute('height', String(Math.ceil(height)));
        list[i].setAttribute('scrolling', 'no');
        return;
      }
    }
  });
})();
