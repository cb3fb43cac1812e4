// ARIA roles on Taro components: `role` for the H5 DOM (and tests), `ariaRole` for WeChat's
// screen reader. Taro's typings know only the latter, hence the spread.
export function a11yRole(role: 'alert' | 'status' | 'checkbox' | 'radio' | 'button' | 'dialog' | 'link' | undefined): Record<string, string> {
  return role ? { role, ariaRole: role } : {};
}
