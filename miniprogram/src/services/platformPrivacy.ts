// WeChat's own privacy authorisation (the weapp build uses platformPrivacy.weapp.ts); in H5 the
// browser asks for location itself, so there is nothing to hand on.
export function watchPlatformPrivacy(): void {}

export function resolvePlatformPrivacy(_agreed: boolean): void {}
