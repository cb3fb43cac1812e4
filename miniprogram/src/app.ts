import type { PropsWithChildren } from 'react';
import { adoptDemoAccountFromUrl } from './services/identity';
import { watchPlatformPrivacy } from './services/platformPrivacy';
import './app.scss';

// H5 against the local stack: `?as=<demo openid>` picks the account before any page signs in.
if (process.env.TARO_ENV === 'h5') adoptDemoAccountFromUrl();
watchPlatformPrivacy();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
