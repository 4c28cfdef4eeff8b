// Pages and who may open them. The server refuses what a role may not do anyway; the router
// keeps people from landing on pages that would only show refusals.
import { createRouter, createWebHistory } from 'vue-router';

import Desk from './pages/Desk.vue';
import Forbidden from './pages/Forbidden.vue';
import Login from './pages/Login.vue';
import Wallboard from './pages/Wallboard.vue';
import { homeFor, loadMe, mayOpen, session } from './session';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Login },  // never shown: the guard sends each role to its home page
    { path: '/login', component: Login, meta: { public: true } },
    { path: '/desk', component: Desk, meta: { page: 'desk' } },
    { path: '/wallboard', component: Wallboard, meta: { page: 'wallboard' } },
    // Loaded when first opened: ECharts and the forms stay out of the desktop's first load.
    { path: '/reports', component: () => import('./pages/Reports.vue'), meta: { page: 'reports' } },
    { path: '/admin', component: () => import('./pages/Admin.vue'), meta: { page: 'admin' } },
    { path: '/forbidden', component: Forbidden },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  if (!session.checked) await loadMe();
  if (to.meta.public) return true;
  const me = session.me;
  if (!me) return { path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  if (to.path === '/') return homeFor(me.role);
  const page = to.meta.page as string | undefined;
  if (page && !mayOpen(page, me.role)) return { path: '/forbidden', query: { page } };
  return true;
});
