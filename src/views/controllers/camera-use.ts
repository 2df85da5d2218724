/** Who asked for the camera: the person (Start camera), a self-check, a monitored shift, or a badge enrolment. */
export type CameraUser = 'user' | 'self-check' | 'monitor' | 'badge-enrol';

/**
 * Who the open camera is for, so that it is released when that use ends and not before: a self-check
 * that opened the camera closes it when it ends, but leaves on a camera the person started. The shell
 * opens and stops the camera; this only keeps the owner.
 */
export class CameraUse {
  private current: CameraUser | null = null;

  get owner(): CameraUser | null {
    return this.current;
  }

  /**
   * `user` asks for the camera; `sourceOn` says whether a moving source is there already (a camera open
   * or opening, or a video file). Returns whether the camera is wanted (the shell opens it unless it runs): a
   * self-check and a badge enrolment use whatever source there is, while the person and a shift take the
   * camera, and own it.
   */
  claim(user: CameraUser, sourceOn: boolean): boolean {
    if ((user === 'self-check' || user === 'badge-enrol') && sourceOn) return false;
    this.current = user;
    return true;
  }

  /** The use by `user` ended. Returns whether the camera must be released (it was opened for this use). */
  release(user: CameraUser): boolean {
    if (this.current !== user) return false;
    this.current = null;
    return true;
  }

  /** The camera was released for another reason (stopped by the person, a screen left, a hidden tab). */
  clear(): void {
    this.current = null;
  }
}
