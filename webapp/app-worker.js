// RMA Check's service worker (issue 28): go-app v10's, made to keep its
// promise of offline after one complete visit. A Go template: go-app fills
// in the version and the files to precache (app.Handler.ServiceWorkerTemplate).
//
// - The precache is all or nothing, and its failure fails the install: a
//   visit whose download was cut leaves no half cache and no worker, so
//   the next visit installs again. An update cut partway leaves the old
//   worker and its complete cache in charge.
// - The page goes to the network first, so that a change of its headers
//   (a shop removed from frame-ancestors) takes effect on the next load;
//   offline, it comes from the cache.
// - Every other file comes from the cache first: they are the version's.
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    try {
      await cache.addAll(resourcesToCache);
    } catch (err) {
      await caches.delete(cacheName);
      throw err; // the install fails; the next visit tries again
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  event.respondWith(request.mode === "navigate" ? networkFirst(request) : cacheFirst(request));
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(cacheName);
    const cached = (await cache.match(request, { ignoreSearch: true })) || (await cache.match("/"));
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached || fetch(request);
}
