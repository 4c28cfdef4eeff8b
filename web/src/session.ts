// Who is logged in, and what the role may see (the server checks again on every request).
import { reactive } from 'vue';

import { Me, request } from './api';

export const session = reactive<{ me: Me | null; checked: boolean }>({ me: null, checked: false });

export async function loadMe(): Promise<Me | null> {
  try {
    session.me = await request<Me>('GET', '/api/v1/me');
  } catch {
    session.me = null;
  }
  session.checked = true;
  return session.me;
}

export async function login(username: string, password: string): Promise<Me> {
  await request('POST', '/api/v1/auth/login', { username, password });
  return (await loadMe())!;
}

export async function logout(): Promise<void> {
  try { await request('POST', '/api/v1/auth/logout'); } finally { session.me = null; }
}

// The pages, and the roles that see them in the menu (the routes repeat it).
export const LEADERS = ['team_leader', 'shift_leader', 'supervisor', 'manager', 'qa', 'admin'];
export const pageRoles: Record<string, string[]> = {
  desk: ['agent'],
  wallboard: LEADERS,
  reports: LEADERS,
  admin: LEADERS,  // managers and admins edit; the other leaders read
};
export function mayOpen(page: string, role?: string): boolean {
  return !!role && (pageRoles[page] ?? []).includes(role);
}
export function homeFor(role: string): string {
  return role === 'agent' ? '/desk' : '/wallboard';
}
