// The big screen over HTTP (public): on its own, since it carries the vacancy search.
import { bigScreen } from '@doorstep/shared';
import { httpHandler } from '../../http/handler';
import { screenOf } from '../screen';

export const screen = httpHandler(bigScreen, ({ params, query }) => screenOf(params.areaCode, query));
