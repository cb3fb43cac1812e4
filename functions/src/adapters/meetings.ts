// Video interview rooms. The adapter makes a room for a slot and returns its link; the booking
// copies the link, so only the employer's members and the people booked into the slot see it.
//
// - `room-link`: a meeting server that opens a room on first join (a self-hosted Jitsi Meet, or
//   any server that takes the room name in the URL). The room name carries 128 random bits, so a
//   link cannot be guessed from another. In the local and test stages the base is a local URL.
// A provider with a booking API (Tencent Meeting's REST API, for one) goes behind the same
// interface; it is not written yet.
import { randomBytes } from 'node:crypto';

export interface RoomRequest {
  /** What the room is for, e.g. the vacancy's title; providers with an API show it as the subject. */
  title: string;
  startsAt: string;
  durationMinutes: number;
}

export interface Meetings {
  createRoom(request: RoomRequest): Promise<{ url: string }>;
}

export function createRoomLinkMeetings(base: string): Meetings {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return {
    async createRoom() {
      return { url: `${prefix}doorstep-${randomBytes(16).toString('base64url')}` };
    },
  };
}
