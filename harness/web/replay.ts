/** Sends one web-messenger request straight to the mock, as a replaying attacker or tool would. */
export async function webRequest(
  mockUrl: string,
  appId: string,
  path: string,
  fields: { user_data: Record<string, unknown>; anonymous_session?: string },
): Promise<number> {
  const form = new URLSearchParams({ app_id: appId, v: '3', platform: 'web', user_data: JSON.stringify(fields.user_data), device_identifier: 'harness-replay' });
  if (fields.anonymous_session) form.set('anonymous_session', fields.anonymous_session);
  const response = await fetch(`${mockUrl}/messenger/web/${path}`, { method: 'POST', body: form });
  await response.body?.cancel();
  return response.status;
}
