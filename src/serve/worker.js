// redress serve: the shared worker that holds one event stream for all of a browser's tabs on the preview.
//
// Browsers open at most six HTTP/1.1 connections to one host, and each EventSource keeps one open for good, so a
// seventh tab with its own stream would hang while loading. Every tab's live.js connects here instead; this
// worker keeps the single stream, passes each event to every tab, and tells a newly connected tab the build now
// being served and the current error, so a tab that loaded between two events still catches up.
'use strict';

var ports = [];
var build = null;
var error = null;
var TYPES = ['hello', 'reload', 'css', 'error', 'ok'];

function send(port, type, data) {
  try {
    port.postMessage({ type: type, data: data });
  } catch (e) {
    // A port whose tab has gone: nothing to tell.
  }
}

function catchUp(port) {
  if (build !== null) send(port, 'hello', { build: build });
  if (error !== null) send(port, 'error', error);
}

function open() {
  var source = new EventSource('/__redress/events');
  TYPES.forEach(function (type) {
    source.addEventListener(type, function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (type === 'hello' || type === 'ok') error = null;
      if (type === 'error') error = data;
      else if (data && data.build) build = data.build;
      ports.forEach(function (port) { send(port, type, data); });
    });
  });
  source.onerror = function () {
    // EventSource retries by itself while the server is away; it gives up only on a bad answer, so start over.
    if (source.readyState === EventSource.CLOSED) {
      source.close();
      setTimeout(open, 2000);
    }
  };
}

self.onconnect = function (event) {
  var port = event.ports[0];
  ports.push(port);
  port.onmessage = function (message) {
    var at = ports.indexOf(port);
    if (message.data === 'bye' && at >= 0) ports.splice(at, 1);
    if (message.data === 'hi') {
      if (at < 0) ports.push(port);
      catchUp(port);
    }
  };
  catchUp(port);
};

open();
