/**
 * The relay's messages between an instructor's page, the relay server and trainees' pages (JSON over WebSocket).
 * The simulation runs once, on the instructor's side; the relay only joins pages into a session by a short code
 * and forwards: the instructor's messages to every trainee, a trainee's to the instructor. It keeps the last
 * message the instructor marked `keep` (the latest snapshot), so a trainee who joins or reloads sees it at once.
 */

export type Role = 'instructor' | 'trainee';

export type ClientMessage =
  /** the instructor opens a session (no code) or takes it back after a reload (code and token); a trainee joins by code */
  | { type: 'join'; role: Role; code?: string; token?: string; name?: string }
  /** anything for the other side: the instructor's go to every trainee, a trainee's to the instructor */
  | { type: 'relay'; payload: unknown; keep?: boolean };

export type ServerMessage =
  | { type: 'joined'; role: Role; code: string; token?: string; trainee?: number }
  | { type: 'relay'; from: Role; trainee?: number; payload: unknown }
  | { type: 'peer'; event: 'trainee_joined' | 'trainee_left' | 'instructor_left' | 'instructor_back'; trainee?: number; name?: string }
  | { type: 'error'; message: string };

/** Session codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** A message larger than this is refused (a snapshot is a few kB; a whole session log well under this). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
